{{/* Names and labels shared by every object of the release. */}}
{{- define "newswire.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "newswire.labels" -}}
app.kubernetes.io/name: newswire
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service: (dict "root" $ "service" "ingester") */}}
{{- define "newswire.selectorLabels" -}}
app.kubernetes.io/name: newswire
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end -}}

{{- define "newswire.image" -}}
{{ printf "%s/%s:%s" .root.Values.image.registry .service .root.Values.image.tag }}
{{- end -}}

{{/* A topic's physical name: the contract name inside the optional namespace. */}}
{{- define "newswire.topic" -}}
{{- if .root.Values.kafka.topicNamespace -}}
{{ printf "%s.%s" .root.Values.kafka.topicNamespace .topic }}
{{- else -}}
{{ .topic }}
{{- end -}}
{{- end -}}

{{/* A stage's consumer group, as the services derive it (KAFKA_GROUP_ID default). */}}
{{- define "newswire.group" -}}
{{- if .root.Values.kafka.topicNamespace -}}
{{ printf "%s.newswire-%s" .root.Values.kafka.topicNamespace .service }}
{{- else -}}
{{ printf "newswire-%s" .service }}
{{- end -}}
{{- end -}}

{{/* Kafka client environment: ConfigMap settings plus the password file. */}}
{{- define "newswire.kafkaEnv" -}}
{{- if .Values.kafka.sasl.mechanism }}
- name: KAFKA_SASL_PASSWORD_FILE
  value: /run/newswire/kafka-user/{{ .Values.kafka.sasl.passwordSecret.key }}
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: KAFKA_SSL_CA_FILE
  value: /run/newswire/kafka-ca/{{ .Values.kafka.tls.caSecret.key }}
{{- end }}
{{- end -}}

{{- define "newswire.kafkaVolumeMounts" -}}
{{- if .Values.kafka.sasl.mechanism }}
- name: kafka-user
  mountPath: /run/newswire/kafka-user
  readOnly: true
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-ca
  mountPath: /run/newswire/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "newswire.kafkaVolumes" -}}
{{- if .Values.kafka.sasl.mechanism }}
- name: kafka-user
  secret:
    secretName: {{ .Values.kafka.sasl.passwordSecret.name }}
    items: [{ key: {{ .Values.kafka.sasl.passwordSecret.key }}, path: {{ .Values.kafka.sasl.passwordSecret.key }} }]
{{- end }}
{{- if .Values.kafka.tls.enabled }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.caSecret.name }}
    items: [{ key: {{ .Values.kafka.tls.caSecret.key }}, path: {{ .Values.kafka.tls.caSecret.key }} }]
{{- end }}
{{- end -}}

{{- define "newswire.mongoEnv" -}}
- name: MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ .Values.mongodb.uriSecret.name }}
      key: {{ .Values.mongodb.uriSecret.key }}
{{- end -}}

{{- define "newswire.extraEnv" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end -}}
