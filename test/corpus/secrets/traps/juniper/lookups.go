package traps

import "os"

var dbPassword = os.Getenv("DB_PASSWORD")
var apiKey, _ = os.LookupEnv("API_KEY")
const tokenHeader = "X-Auth-Token"
const secretName = "telemetry-db"
var redisURL = "redis://" + os.Getenv("REDIS_HOST") + ":6379"
