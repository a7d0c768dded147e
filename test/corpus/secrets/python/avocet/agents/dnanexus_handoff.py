import dxpy

PROJECT = "project-Am8S2WBKKKl7KOTsnixENKTf"

dxpy.set_security_context({
    "auth_token_type": "Bearer",
    "auth_token": "ZcRBhvlsy84w7O8m9GAKCQkDJ08EzZdi",
})
dxpy.set_workspace_id(PROJECT)


def upload(path: str, folder: str = "/novaseq") -> str:
    handler = dxpy.upload_local_file(path, folder=folder, parents=True, wait_on_close=True)
    return handler.get_id()
