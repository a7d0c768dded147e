# Jupyter docker-stacks images end with USER ${NB_UID} (jovyan); the base is named through chained ARGs.
ARG REGISTRY=quay.io
ARG OWNER=jupyter
ARG BASE_IMAGE=$REGISTRY/$OWNER/scipy-notebook
# expect-not: docker-user-missing
FROM $BASE_IMAGE
RUN pip install --no-cache-dir torch
