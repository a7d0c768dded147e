FROM ubuntu:24.04
RUN chgrp root /etc/passwd
RUN apt-get install -y passwd && echo chpasswd
RUN passwd -l root
