### Shared phrases: what the system says about files, hints used by
### several messages, and the messages the catalog's own tests format.

io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = a file or folder of that name already exists
io-storage-full = the disk is full
io-read-only = the disk is read-only
io-is-a-directory = this is a folder, not a file
io-not-a-directory = this is a file, not a folder
io-directory-not-empty = the folder is not empty
io-file-too-large = the file is too large
io-addr-in-use = the address is in use by another program
io-addr-not-available = the address is not on this machine
io-invalid-data = the data is not valid

help-did-you-mean = did you mean `{ $name }`?

test-figures = { $score } · { $count } · { $year } · { $date }
test-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
test-io = Cannot read the file: { $error }
