# JupyterHub for the research computing cluster (hub.rc.wren.edu).
# Deployed by the rc-platform Ansible role; see docs/hub.md before changing the spawner.
import os
import sys

from oauthenticator.generic import GenericOAuthenticator

c = get_config()  # noqa: F821

c.JupyterHub.bind_url = "http://:8000"
c.JupyterHub.authenticator_class = GenericOAuthenticator
c.GenericOAuthenticator.client_id = "jupyterhub-rc"
c.GenericOAuthenticator.client_secret = "aVKdBpD7ymq4JOWeAzn4TYTAwQxPmG6K"
c.GenericOAuthenticator.oauth_callback_url = "https://hub.rc.wren.edu/hub/oauth_callback"
c.GenericOAuthenticator.authorize_url = "https://sso.wren.edu/idp/profile/oidc/authorize"
c.GenericOAuthenticator.token_url = "https://sso.wren.edu/idp/profile/oidc/token"
c.GenericOAuthenticator.username_claim = "eduPersonPrincipalName"
c.GenericOAuthenticator.allowed_groups = {"rc-users", "rc-staff"}

# The cookie secret must survive restarts, otherwise every user is logged out on deploy.
c.JupyterHub.cookie_secret = bytes.fromhex(
    "5f3d45c2c5520b530210a2f868b43c28dbe9240381c73f8ee9366db6e41d71b5"
)
c.JupyterHub.cookie_secret_file = "/srv/jupyterhub/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.auth_token = os.environ.get("CONFIGPROXY_AUTH_TOKEN") or "9696b4581f939d8f1112dd68173256e13085d273454e2751a2765f35b7fc4f32"
c.ConfigurableHTTPProxy.should_start = False

c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "api_token": os.environ["IDLE_CULLER_TOKEN"],
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    },
    {"name": "grafana-exporter", "url": "http://127.0.0.1:9101", "oauth_no_confirm": True},
]

c.Spawner.default_url = "/lab"
c.Spawner.mem_limit = "16G"
c.Spawner.environment = {
    "SLURM_CONF": "/etc/slurm/slurm.conf",
    "JUPYTER_PREFER_ENV_PATH": "1",
}
c.Authenticator.admin_users = {"rc-admin", "hpc-oncall"}
