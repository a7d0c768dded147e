FROM python:3.12-slim
ENV NODE_TLS_REJECT_UNAUTHORIZED=1 PYTHONHTTPSVERIFY=1 NPM_CONFIG_STRICT_SSL=true
ENV ASDFGIT_SSL_NO_VERIFY=1 GIT_SSL_NO_VERIFYX=1
ARG PIP_TRUSTED_HOST
ARG GIT_SSL_NO_VERIFY
RUN curl -fsSL https://example.com | grep -k lol
RUN curl -lok https://example.com
RUN curl -H "X-Flag: -k" https://example.com
RUN wget https://example.com/x && echo "--no-check-certificate"
RUN pip install requests | grep "--trusted-host"
RUN npm config set audit false && npm config get strict-ssl
RUN npm install strict-ssl false
RUN NODE_TLS_REJECT_UNAUTHORIZED="0\"" node app.js
RUN unset GIT_SSL_NO_VERIFY
RUN git config --global http.sslVerify true
RUN echo "export NODE_TLS_REJECT_UNAUTHORIZED=0" >> /etc/profile.d/docs.txt
