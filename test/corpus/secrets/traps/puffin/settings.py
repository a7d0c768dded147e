from pathlib import Path
import environ

env = environ.Env()
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = env("DJANGO_SECRET_KEY")
DATABASES = {"default": env.db("DATABASE_URL", default="postgres://localhost/bookings")}
AUTH_PASSWORD_VALIDATORS = [{"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}}]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
SENTRY_DSN = "https://1ce8041e188f2cc0701d479c983bb9bd@o665043.ingest.de.sentry.io/4262849"
STRIPE_PUBLISHABLE_KEY = "pk_live_51EVByogAdylbA8NgdHR4Ye3tNLA50Jsiomv0ENbDxRGERyNoP79RBTH0DGPwOmmqAH42V1DP2EXiOtbPLQO3pqwOzYDh5n9OI9"
STRIPE_WEBHOOK_ENDPOINT_ID = "we_Yk3AeaSs3F85Pnwv6mYScgYW"
MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoicHVmZmluLWZlcnJpZXMiLCJhIjoiwBqPYsT7tZf1l37bcaX81bRRIn0.LNl_punJSBTbu2qlQvawDt"
