### terminal

## How a diagnostic is labelled in the terminal: `error[E401]: …`.
label-error = error
label-warning = warning
label-help = help
label-note = note

## kiemchung explain
explain-list = The error (E) and warning (W) codes:
explain-list-more = To read one code's explanation: kiemchung explain CODE (for example: kiemchung explain W501).
explain-unknown = there is no code `{ $code }`
