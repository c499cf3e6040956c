### structure
