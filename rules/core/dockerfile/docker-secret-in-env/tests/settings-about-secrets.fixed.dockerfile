FROM keycloak/keycloak:26.0
# Settings that describe a credential are not the credential.
# expect-not: docker-secret-in-env
ENV OIDC_TOKEN_AUDIENCE=api://backend \
    OIDC_TOKEN_ISSUER=https://auth.example.com/realms/app \
    OAUTH_TOKEN_SCOPES="openid profile" \
    API_TOKEN_PREFIX=Bearer \
    PASSWORD_HASH_ALGO=argon2id \
    DOCKER_CREDENTIALS_HELPER=gcloud
# A password in one word is still a password (jessfraz/dockerfiles slapd sets LDAP_ROOTPASS this way).
# expect: docker-secret-in-env@19-33
