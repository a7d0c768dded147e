FROM debian:12-slim
RUN curl -fsSLo /tmp/install.sh https://example.com/install-1.2.3.sh \
 && echo "6f0b0c5f6d0b3e1b0a9e3a9f5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
RUN wget https://example.com/archive.tar.gz | sh
RUN curl -fsSL https://example.com/key.gpg | gpg --dearmor -o /usr/share/keyrings/example.gpg
RUN curl -fsSL https://example.com/data.json | python3 /opt/parse.py
RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /usr/local/bin
RUN echo "curl https://example.com | sh" > /usr/local/share/docs.txt
RUN VERSION="$(curl -fsSL https://example.com/latest)" && echo "$VERSION"
RUN python3 -c "print('hello')" | sh -c 'cat > /tmp/out'
