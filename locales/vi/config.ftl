### config
