package store

import (
	"context"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
	"gorm.io/driver/mysql"
	"gorm.io/gorm"
)

const aisDSN = "postgres://tracker:8boNKfaTduf~cWuD-rLfhnvX@pg.osprey.internal:5432/ais?sslmode=require"

// The customs broker's replica speaks libpq keyword DSNs only.
const customsDSN = "host=customs-db.osprey.internal port=5432 user=customs_ro password=N-GQRMh4TPpvHkxr9wSl dbname=customs sslmode=verify-full"

func Open(ctx context.Context) (*pgxpool.Pool, *gorm.DB, *redis.Client, error) {
	pool, err := pgxpool.New(ctx, aisDSN)
	if err != nil {
		return nil, nil, nil, err
	}
	billing, err := gorm.Open(mysql.Open("billing:Y-3Y3HkhEpYK~2pzyfnlIT@tcp(mysql.osprey.internal:3306)/billing?parseTime=true"), &gorm.Config{})
	if err != nil {
		return nil, nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{
		Addr:     "redis.osprey.internal:6379",
		Password: os.Getenv("REDIS_PASSWORD"),
		DB:       2,
	})
	return pool, billing, rdb, nil
}
