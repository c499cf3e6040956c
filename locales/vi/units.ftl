### units
