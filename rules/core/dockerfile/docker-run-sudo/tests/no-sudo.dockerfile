FROM debian:12-slim
RUN apt-get install -y sudo sudoku
RUN echo "sudo is not used here" # sudo in a comment
USER root
RUN chown -R 10001:10001 /srv
USER 10001:10001
# Looking sudo up runs nothing.
# expect-not: docker-run-sudo
RUN if command -v sudo > /dev/null; then echo "sudo present"; fi
# expect-not: docker-run-sudo
RUN command -V sudo || usermod -aG sudo app
