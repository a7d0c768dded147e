FROM debian:12-slim
RUN apt-get install -y sudo sudoku
RUN echo "sudo is not used here" # sudo in a comment
USER root
RUN chown -R 10001:10001 /srv
USER 10001:10001
