// learn17-files: Go converts the pair with []byte.
package partner

func authorize(req *http.Request) {
	// expect: secret-credential-in-uri@92-106
	req.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte("export:vTZbx257FjAnYt")))
}
