print("clv-server")
