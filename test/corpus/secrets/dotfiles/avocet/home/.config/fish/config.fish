if status is-interactive
    set -gx EDITOR nvim
    set -gx BENCHLING_API_KEY sk_AU7TDbTLfAzIwZPE25GBUmImYZrVU5
    set -gx SNAKEMAKE_PROFILE avocet-slurm
    fish_add_path /shared/apps/bin
end
