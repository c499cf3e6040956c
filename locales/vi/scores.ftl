### Scores (E4xx): each value, the ratio, the tree's sums, the totals.

## $field is `score` or `self_score`.
E401-over-max = { $field ->
        [self_score] điểm tự đánh giá (`self_score`)
       *[other] điểm thẩm định (`score`)
    } { $score } lớn hơn điểm tối đa { $max }; cần một giá trị từ 0 đến { $max }

## E402: the form of a score; $field is the field.
E402-empty = `{ $field }`: cần một điểm số như `2`, `1,5` hoặc `11,911`, nhưng đang để trống
E402-negative = `{ $field }`: điểm không được là số âm; cần một số từ 0 trở lên
E402-too-many-decimals = `{ $field }`: điểm có nhiều nhất 3 chữ số sau dấu thập phân (ví dụ `11,911`)
E402-too-large = `{ $field }`: số quá lớn, không thể là điểm
E402-invalid = `{ $field }`: cần một số thập phân như `2`, `1,5` hoặc `11,911` (không dùng dấu phân cách hàng nghìn, không viết dạng lũy thừa như `1e3`)

## E403, E404: `ratio: [part, whole]`.
E403-zero-whole = `ratio`: số thứ hai (tổng số) phải lớn hơn 0
E403-part-over-whole = `ratio: [{ $part }, { $whole }]`: số phần đạt không được lớn hơn tổng số; cần [a, b] với a ≤ b
E403-not-two = `ratio`: cần đúng hai số [số phần đạt, tổng số], như [34, 40], nhưng gặp { $count } số
E404-ratio-mismatch = điểm thẩm định { $score } không khớp với tỉ lệ [{ $part }, { $whole }]: điểm tối đa { $max } × { $part } / { $whole } = { $computed }
E404-ratio-mismatch-help = ghi `score: { $computed }`, hoặc bỏ dòng `score:` để kiemchung tự tính

## E405–E407: a parent and its children. $children is a list of
## scores-child phrases.
E405-children-over-max = tổng điểm tối đa của các tiêu chí thành phần của tiêu chí { $id } là { $sum }, lớn hơn điểm tối đa của chính tiêu chí này ({ $max })
E405-children-over-max-help = các tiêu chí thành phần: { $children }
E406-not-children-sum = điểm thẩm định { $score } của tiêu chí { $id } không bằng tổng điểm các tiêu chí thành phần ({ $sum })
E406-not-children-sum-help = bỏ dòng `score:` để kiemchung tự tính, hoặc sửa điểm các tiêu chí thành phần: { $children }
E407-own-score-missing = tổng điểm tối đa của các tiêu chí thành phần của tiêu chí { $id } là { $sum }, chưa bằng điểm tối đa { $max }; hãy ghi `score:` cho chính tiêu chí { $id } (phần { $rest } điểm còn lại được hiển thị là «chưa chia chi tiết»)
E407-own-score-missing-help = điểm phải nằm trong khoảng từ { $low } (tổng điểm các tiêu chí thành phần) đến { $high }
E407-outside-range = điểm thẩm định { $score } của tiêu chí { $id } phải nằm trong khoảng từ { $low } (tổng điểm các tiêu chí thành phần) đến { $high } (tổng đó cộng phần { $rest } điểm chưa chia chi tiết)

## E408: `applicable: false`. $field is the line as written (`score: 1`).
E408-not-applicable = tiêu chí { $id } không áp dụng nên không có điểm; hãy xóa `{ $field }`
E408-under-not-applicable = tiêu chí { $id } thuộc một tiêu chí không áp dụng nên không có điểm; hãy xóa `{ $field }`

## E409–E411: the assessment's `max`, `total` and `rank`. $areas is a list
## of scores-area phrases.
E409-areas-max = tổng điểm tối đa của các lĩnh vực là { $sum }, nhưng điểm tối đa của kỳ đánh giá là { $max }
E409-areas-max-help = các lĩnh vực: { $areas }
E409-areas-max-default = tổng điểm tối đa của các lĩnh vực là { $sum }, nhưng điểm tối đa của kỳ đánh giá là { $max } (giá trị mặc định, vì tệp không ghi `max:`)
E409-areas-max-default-help = các lĩnh vực: { $areas }; nếu { $sum } là điểm tối đa đã công bố, hãy ghi `max: { $sum }`
E410-total-not-sum = tổng điểm `total:` { $total } không bằng tổng điểm các lĩnh vực ({ $sum })
E410-total-not-sum-help = chênh lệch { $diff }; hãy đối chiếu điểm từng lĩnh vực với bảng kết quả đã công bố
E410-total-nothing-to-add = có ghi tổng điểm `total:` { $total } nhưng chưa lĩnh vực nào của năm { $year } có điểm để cộng
E411-rank-beyond-ranked = thứ hạng `rank:` { $rank } lớn hơn số đơn vị được xếp hạng `ranked:` { $ranked }; cần rank ≤ ranked

## The items of the lists above, and how they are joined.
scores-child = { $id } (tối đa { $max })
scores-child-scored = { $id } (tối đa { $max }; điểm { $score })
scores-area = { $id }: { $max }
scores-list = { $first }; { $rest }
scores-none = không có
