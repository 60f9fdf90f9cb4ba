"""Reading plan documents and understanding their tasks, units and deadlines."""
