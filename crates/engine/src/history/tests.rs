// E2: the generator and end-to-end rules tests
