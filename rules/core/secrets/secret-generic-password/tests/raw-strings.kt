// A Kotlin raw string is a literal like any other.
object RawStrings {
    // expect: secret-generic-password@25-45
    val signingKey = """BTBvL9v8kzqESDmkFAKE"""
    // expect-not: secret-generic-password
    val apiToken = """${System.getenv("API_TOKEN")}"""
    // expect-not: secret-generic-password
    val password = """"""
}
