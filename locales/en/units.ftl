### Units and tasks (E6xx).

E601-unknown-unit = unit `{ $unit }` is not declared in site.toml
E601-no-units-help = site.toml declares no [[units]]
E601-units-help = declared units: { $units }
E601-did-you-mean-help = did you mean `{ $name }`? (declared units: { $units })

E602-no-title = tasks: every task needs a `title:`
E602-unit-and-to = tasks: a task has either `unit:` (one unit of site.toml) or `to:` (whom it is addressed to, as the notice writes it), not both
E602-unit-and-to-help = keep `unit:` for one unit; `to:` is for a group, such as all heads of units
