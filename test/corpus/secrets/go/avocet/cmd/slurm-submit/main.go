// slurm-submit posts pipeline jobs to slurmrestd on the HPC login node and stages inputs over SFTP.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"os"

	"github.com/pkg/sftp"
	"github.com/urfave/cli/v2"
	"golang.org/x/crypto/ssh"
)

const slurmAPI = "https://hpc-login01.avocet.bio:6820/slurm/v0.0.40"

// SLURM_JWT for the pipeline account (scontrol token lifespan=31536000), used by the CI runners.
const pipelineSlurmToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3OTU3Mzc2MDAsImlhdCI6MTc2NDIwMTYwMCwic3VuIjoibmZwaXBlbGluZSJ9.TBbPbTTS-8HT-CUZ7i-e_JxYTg-Ia5Cnpr177FR-RKc"

func submit(script string) error {
	body, _ := json.Marshal(map[string]any{"script": script, "job": map[string]any{"partition": "compute", "current_working_directory": "/scratch/nfpipeline"}})
	req, err := http.NewRequest(http.MethodPost, slurmAPI+"/job/submit", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("X-SLURM-USER-NAME", "nfpipeline")
	req.Header.Set("X-SLURM-USER-TOKEN", pipelineSlurmToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("slurmrestd: %s", res.Status)
	}
	return nil
}

func stage(host, local string) error {
	cfg := &ssh.ClientConfig{
		User:            "nfpipeline",
		Auth:            []ssh.AuthMethod{ssh.Password("zreqiIiDTjk1.GwPF7DC")},
		HostKeyCallback: ssh.FixedHostKey(hpcHostKey),
	}
	conn, err := ssh.Dial("tcp", host+":22", cfg)
	if err != nil {
		return err
	}
	defer conn.Close()
	c, err := sftp.NewClient(conn)
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Create("/scratch/nfpipeline/inputs/" + local)
	return err
}

func main() {
	app := &cli.App{
		Name: "slurm-submit",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "tower-token", EnvVars: []string{"TOWER_ACCESS_TOKEN"}, Value: "eyJ0aWQiOjc2MTksInNlY3JldCI6IjRlOTA3ODBhZDEwYzhhMThmZTBlNTkzZDk4MGU2YmRiODJlMTQ2ZGIifQ=="},
			&cli.StringFlag{Name: "partition", Value: "compute"},
		},
		Action: func(c *cli.Context) error { return submit(c.Args().First()) },
	}
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
}
