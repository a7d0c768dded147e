FROM eclipse-temurin:21-jre
# expect: secret-generic-password@53-73
ENV JAVA_TOOL_OPTIONS="-Dspring.datasource.password=P9-Xjl9N7goSut9in0Dz -Xmx512m"
# expect-not: secret-generic-password
ENV JAVA_OPTS="-Dspring.datasource.password=${DB_PASSWORD} -Xmx512m"
