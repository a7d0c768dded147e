resource "google_sql_user" "reporting" {
  name     = "looker"
  instance = google_sql_database_instance.sis_reporting.name
  password = random_password.looker.result
}

resource "kubernetes_config_map_v1" "timetable" {
  metadata {
    name      = "timetable-api"
    namespace = "sis"
  }

  data = {
    FLASK_ENV               = "production"
    SQLALCHEMY_DATABASE_URI = "postgresql+psycopg://timetable:avHroyP_~g4-X00z0BW@sis-db.wren.internal:5432/timetable"
    CACHE_TYPE              = "RedisCache"
  }
}

resource "random_password" "timetable_session" {
  length  = 48
  special = false
}
