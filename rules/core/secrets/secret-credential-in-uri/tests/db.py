import os
import sqlalchemy

# A URI inside a call argument, and libpq keyword/value strings.
# expect: secret-credential-in-uri@65-77
engine = sqlalchemy.create_engine("postgresql+psycopg2://report:nR5tK8wQ2mZ7@db.internal:5432/reports")
# expect: secret-credential-in-uri@82-94
conn = psycopg2.connect("host=db.internal port=5432 dbname=app user=app password=Xk3pL9qW7rT2 sslmode=require")
# expect: secret-credential-in-uri@36-48
conn2 = psycopg2.connect("password=Jq6vN2sE8bY4 host=replica.internal dbname=app user=app")
# expect: secret-credential-in-uri@41-53
session.auth = HTTPBasicAuth("deploy", "Lp8sD3nQ6tV1")
# expect-not: secret-credential-in-uri
engine2 = sqlalchemy.create_engine(f"postgresql://{user}:{password}@{host}/app")
# expect-not: secret-credential-in-uri
template = "postgresql://%s:%s@%s/app"
# expect-not: secret-credential-in-uri
doc_example = "postgresql://user:password@localhost/mydb"
# expect-not: secret-credential-in-uri
from_env = os.environ["DATABASE_URL"]
# expect-not: secret-credential-in-uri
conn3 = psycopg2.connect("host=db.internal dbname=app user=app password=" + os.environ["PGPASSWORD"])
# expect-not: secret-credential-in-uri
see = "https://docs.python.org/3/library/urllib.parse.html#url-parsing"
