### files
