### Units and tasks (E6xx).

E601-unknown-unit = đơn vị `{ $unit }` chưa được khai báo trong site.toml
E601-no-units-help = site.toml chưa khai báo đơn vị nào (mục [[units]])
E601-units-help = các đơn vị đã khai báo: { $units }
E601-did-you-mean-help = có phải ý bạn là `{ $name }`? (các đơn vị đã khai báo: { $units })

E602-no-title = `tasks`: mỗi nhiệm vụ cần có `title:`
E602-unit-and-to = `tasks`: một nhiệm vụ ghi `unit:` (một đơn vị trong site.toml) hoặc `to:` (nơi nhận, ghi như trong thông báo), không ghi cả hai
E602-unit-and-to-help = giữ `unit:` nếu giao cho một đơn vị; `to:` dành cho một nhóm, như thủ trưởng các phòng, đơn vị
