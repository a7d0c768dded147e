FROM ubuntu:24.04
# expect: docker-run-chpasswd@24-32
RUN echo 'root:root' | chpasswd
RUN apt-get update ;\
    apt-get clean ; \
# expect: docker-run-chpasswd@30-38
    echo 'app:s3cret' | sudo chpasswd && echo done
# expect: docker-run-chpasswd@5-13
RUN chpasswd < /tmp/users.txt
