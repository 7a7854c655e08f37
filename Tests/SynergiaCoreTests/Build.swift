import Testing
@Test func placeholderBuild() {}
