// learn17-files: Java encodes the pair's bytes.
class Partner {
    void open(HttpURLConnection conn) {
        // expect: secret-credential-in-uri@103-119
        conn.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString("batch:wExgkRYMStq3wqnT".getBytes()));
    }
}
