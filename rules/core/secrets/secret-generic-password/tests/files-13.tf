resource "github_actions_secret" "lab_key" {
  repository      = "collector"
  secret_name     = "LAB_API_KEY"
  # expect: secret-generic-password@22-62
  plaintext_value = "cdWbxs3yXbzb3NUXj7WLy3RXdhVuP3xupxtUFSTc"
}

resource "github_actions_secret" "prod_key" {
  repository      = "collector"
  secret_name     = "PROD_API_KEY"
  # expect-not: secret-generic-password
  encrypted_value = "3061gS3S8WK3tgwYpfhwscNoina08liWT6oKjh6g2ExsrzwzOYViEGIhb57my8jAUtNxKuEYKdfqJtlYhgIJfAm6RJeQ9pOk"
}
