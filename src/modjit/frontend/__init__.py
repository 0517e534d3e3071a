"""Front end: resolve names, check the subset, infer types of one unit."""
