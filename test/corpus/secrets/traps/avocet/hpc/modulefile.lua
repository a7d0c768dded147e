-- /shared/modulefiles/nextflow/24.10.2.lua
help([[Nextflow 24.10.2 with the Avocet HPC profile]])
whatis("Name: nextflow")
whatis("Version: 24.10.2")
local root = "/shared/apps/nextflow/24.10.2"
prepend_path("PATH", root .. "/bin")
setenv("NXF_HOME", "/shared/apps/nextflow")
setenv("NXF_SINGULARITY_CACHEDIR", "/shared/containers/nf-core")
-- the token comes from each user's ~/.nextflow/config, never from here
setenv("TOWER_ACCESS_TOKEN_FILE", os.getenv("HOME") .. "/.nextflow/tower-token")
setenv("NXF_VER_SHA", "36c26206a660e3c92b0b3b0a356129a784234583")
