package main

import (
	"log"
	"net/http"

	"github.com/gin-contrib/sessions"
	"github.com/gin-contrib/sessions/cookie"
	"github.com/gin-gonic/gin"
	"github.com/spf13/viper"
)

func main() {
	viper.SetEnvPrefix("OSPREY")
	viper.AutomaticEnv()
	viper.SetDefault("http.addr", ":8080")
	viper.SetDefault("session.secret", "6C=Df*1nqG+rNBjp15Dmit9+%CtzJ3=k")
	viper.SetDefault("session.max_age", 28800)

	r := gin.New()
	r.Use(gin.Recovery())

	store := cookie.NewStore([]byte(viper.GetString("session.secret")))
	r.Use(sessions.Sessions("osprey_portal", store))

	ops := r.Group("/ops", gin.BasicAuth(gin.Accounts{
		"harbourmaster": "hDaQX_Hs~zjWMS6Vff",
	}))
	ops.GET("/berths", listBerths)

	if err := http.ListenAndServe(viper.GetString("http.addr"), r); err != nil {
		log.Fatal(err)
	}
}
