### Scores (E4xx): each value, the ratio, the tree's sums, the totals.

## $field is `score` or `self_score`.
E401-over-max = { $field } { $score } is greater than max { $max }; expected a value between 0 and { $max }

## E402: the form of a score; $field is the field.
E402-empty = { $field }: expected a score such as 2, 1.5 or "11,911", found nothing
E402-negative = { $field }: a score cannot be negative; expected a number ≥ 0
E402-too-many-decimals = { $field }: a score has at most 3 digits after the decimal point (e.g. 11.911)
E402-too-large = { $field }: the number is too large for a score
E402-invalid = { $field }: expected a decimal number such as 2, 1.5, 11.911 or "11,911" (no exponent, no thousands separator)

## E403, E404: `ratio: [part, whole]`.
E403-zero-whole = ratio: the second number (the whole) must be greater than 0
E403-part-over-whole = ratio: [{ $part }, { $whole }] — the part cannot exceed the whole; expected [a, b] with a ≤ b
E403-not-two = ratio: expected two numbers [part, whole] such as [34, 40], found { $count }
E404-ratio-mismatch = score { $score } does not follow ratio [{ $part }, { $whole }]: max { $max } × { $part } / { $whole } = { $computed }
E404-ratio-mismatch-help = write `score: { $computed }` or leave it out to have it computed

## E405–E407: a parent and its children. $children is a list of
## scores-child phrases.
E405-children-over-max = the children of { $id } have maxima adding up to { $sum }, more than its max { $max }
E405-children-over-max-help = { $children }
E406-not-children-sum = score { $score } of { $id } is not the sum of its children's scores, { $sum }
E406-not-children-sum-help = leave `score` out to have it computed, or correct the children: { $children }
E407-own-score-missing = the children of { $id } have maxima adding up to { $sum } of its max { $max }; give { $id } its own `score:` (the { $rest } not itemised is shown as such)
E407-own-score-missing-help = its score must lie between { $low } (the children's sum) and { $high }
E407-outside-range = score { $score } of { $id } must lie between { $low } (its children's sum) and { $high } (that sum plus the { $rest } not itemised)

## E408: `applicable: false`. $field is the line as written (`score: 1`).
E408-not-applicable = node { $id } is not applicable (không áp dụng), so it carries no score; remove `{ $field }`
E408-under-not-applicable = node { $id } is under a node that is not applicable (không áp dụng), so it carries no score; remove `{ $field }`

## E409–E411: the assessment's `max`, `total` and `rank`. $areas is a list
## of scores-area phrases.
E409-areas-max = the areas' maxima add up to { $sum }, but the assessment's max is { $max }
E409-areas-max-help = areas: { $areas }
E409-areas-max-default = the areas' maxima add up to { $sum }, but the assessment's max is { $max } (the default: the file gives no `max:`)
E409-areas-max-default-help = areas: { $areas }; write `max: { $sum }` if that is the published maximum
E410-total-not-sum = total { $total } is not the sum of the areas' scores, { $sum }
E410-total-not-sum-help = differs by { $diff }; check the areas' scores against the published table
E410-total-nothing-to-add = total { $total } is given but no area of { $year } has a score to add up
E411-rank-beyond-ranked = rank { $rank } is beyond ranked { $ranked }; expected rank ≤ ranked

## The items of the lists above, and how they are joined.
scores-child = { $id } (max { $max })
scores-child-scored = { $id } (max { $max }, score { $score })
scores-area = { $id } { $max }
scores-list = { $first }, { $rest }
scores-none = none
