FROM debian:12-slim
# expect: docker-admin-tool-in-run@5-8
RUN top -b -n 1
# expect: docker-admin-tool-in-run@51-58
RUN apt-get update && apt-get install -y nginx && service nginx start
# expect: docker-admin-tool-in-run@5-7
RUN ps aux | grep -v grep | head
# expect: docker-admin-tool-in-run@10-13
RUN sudo vim -c wq /etc/hosts
# expect: docker-admin-tool-in-run@12-17
RUN sh -c 'mount -t tmpfs none /mnt'
# expect: docker-admin-tool-in-run@6-20
RUN ["/usr/bin/ssh", "git@example.com"]
# expect: docker-admin-tool-in-run@18-26
RUN echo done || ifconfig eth0
# expect: docker-admin-tool-in-run@13-17, docker-admin-tool-in-run@24-32
ONBUILD RUN kill -9 1; shutdown -h now
