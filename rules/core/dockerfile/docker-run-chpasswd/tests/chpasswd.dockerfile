FROM ubuntu:24.04
# expect: docker-run-chpasswd
RUN echo 'root:root' | chpasswd
RUN apt-get update ;\
    apt-get clean ; \
# expect: docker-run-chpasswd
    echo 'app:s3cret' | sudo chpasswd && echo done
# expect: docker-run-chpasswd
RUN chpasswd < /tmp/users.txt
