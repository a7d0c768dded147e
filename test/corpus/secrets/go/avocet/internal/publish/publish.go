package publish

import (
	"context"

	"github.com/buildkite/go-buildkite/v4"
	"github.com/digitalocean/godo"
	gitlab "gitlab.com/gitlab-org/api/client-go"
)

// The public website is built on Buildkite and served from DigitalOcean; protocols are mirrored
// from the internal GitLab so the site can link to released versions.
func Clients(ctx context.Context) (*gitlab.Client, *godo.Client, *buildkite.Client, error) {
	gl, err := gitlab.NewClient("glpat-FIBwEY8rv7MQ64LgjSN9", gitlab.WithBaseURL("https://git.avocet.bio/api/v4"))
	if err != nil {
		return nil, nil, nil, err
	}
	do := godo.NewFromToken("dop_v1_7fad47ddde24728e6a3be8db669de95662aa040f0b34ab99c367e15bf76842bc")
	bk, err := buildkite.NewOpts(
		buildkite.WithTokenAuth("bkua_3eed14929f8e42199f47e748fc9265a7e2ff0924"),
	)
	return gl, do, bk, err
}

const ProtocolsProjectID = 412
const SpacesRegion = "ams3"
const DeployKeyFingerprint = "SHA256:6naiPyVFtVFPM86+zoQ6iOZTZ1bMFM7JDionHf91QOI"
