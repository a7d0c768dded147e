FROM nginx:1.27 AS web
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]

# expect: docker-healthcheck-missing@6-9
FROM web
COPY site/ /usr/share/nginx/html/
