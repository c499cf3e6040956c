### import
