// the models, by hand
