print("clv")
