FROM python:3.12-slim
ENV PASSWORD_FILE=/run/secrets/db_password \
    TOKEN_ENDPOINT=https://auth.example.com/oauth/token \
    PASSWORD_MIN_LENGTH=12 \
    SECRET_NAME=app-credentials \
    TOKENIZERS_PARALLELISM=false \
    PASSENGER_APP_ENV=production
ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
ENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1
ENV DB_PASSWORD_PATH=/etc/app/db-password
ENV DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app
ENV REDIS_URL=redis://cache:6379/0
# expect-not: docker-secret-in-env
ARG NPM_TOKEN
# expect-not: docker-secret-in-env
ENV NPM_TOKEN=${NPM_TOKEN}
ARG API_KEY=
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
# Documentation stand-ins are not secrets: placeholder words, <names>, masks, AWS's example keys,
# a variable's own name, and a credential URL whose password is a placeholder.
# expect-not: docker-secret-in-env
ENV JWT_SECRET changeme
# expect-not: docker-secret-in-env
ENV DB_PASSWORD=<your-db-password>
# expect-not: docker-secret-in-env
ENV API_TOKEN=xxxxxxxxxxxxxxxx
# expect-not: docker-secret-in-env
ARG AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
# expect-not: docker-secret-in-env
ENV GITHUB_TOKEN=GITHUB_TOKEN
# expect-not: docker-secret-in-env
ENV REDIS_URL=redis://default:changeme@cache:6379/0
# Public tokens and keys ship in clients, as secret-generic-password judges them: a name saying public or
# publishable, or a public key's own shape (Mapbox `pk.`, Stripe `pk_live_`, PostHog `phc_`).
# expect-not: docker-secret-in-env
ENV MAPBOX_PUBLIC_TOKEN pk.eyJ1IjoiZmxlZXQtbWFwcyJ9.dGlsZXNvbmx5
# expect-not: docker-secret-in-env
ENV MAPBOX_TOKEN=pk.eyJ1IjoiZmxlZXQtbWFwcyJ9.dGlsZXNvbmx5
# expect-not: docker-secret-in-env
ARG STRIPE_PUBLISHABLE_KEY=pk_live_Tq8vK3mZ6xN1bW4rY7cL2pH5
# expect-not: docker-secret-in-env
ENV POSTHOG_API_KEY=phc_Rw4kT9nB2xM7qZ5vL8cH3sP6yD1fG0jK2mN5tV8w
# expect-not: docker-secret-in-env
ENV NEXT_PUBLIC_API_TOKEN=Vx7qM2kR9tL4wN8bZ3cY
