print("parkatlas")
