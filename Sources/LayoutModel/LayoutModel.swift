// Dataset model: see issue 3.
