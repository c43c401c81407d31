// Synthetic datasets: see issue 3.
