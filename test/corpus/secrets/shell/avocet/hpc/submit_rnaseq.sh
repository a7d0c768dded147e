#!/usr/bin/env bash
# Submits the nf-core/rnaseq run for a finished NovaSeq flow cell. Called by the upload agent.
#SBATCH --job-name=nf-rnaseq
#SBATCH --partition=compute
#SBATCH --time=48:00:00
set -euo pipefail

FLOWCELL="$1"
module load nextflow/24.10.2 apptainer/1.3.4

export NXF_HOME=/shared/apps/nextflow
export NXF_SINGULARITY_CACHEDIR=/shared/containers/nf-core

# secrets the pipeline reads with secrets.X; set once per account, not per run
nextflow secrets set BENCHLING_API_KEY "sk_5L9UJjDUDHaam4HpcI3jejYx9k5tbX"
nextflow secrets set SLACK_WEBHOOK "$(cat /shared/secure/slack-webhook)"

GITHUB_TOKEN=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 nextflow pull avocet-bio/rnaseq-avocet -r v3.18.0

sbatch --export=ALL,TOWER_ACCESS_TOKEN=eyJ0aWQiOjE2NDcsInNlY3JldCI6IjA0Y2UzOWNiZjNkZGMwMzBjZmZkZDZiMmFjMmI4NzFiYjBiM2JiNGQifQ== \
  --wrap "nextflow run avocet-bio/rnaseq-avocet -profile avocet_hpc -with-tower --input /shared/runs/${FLOWCELL}/samplesheet.csv"
