package main

import (
	"strings"
	"testing"
)

const goodDeployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      securityContext: { runAsNonRoot: true }
      containers:
        - name: web
          image: newswire/api:1
          ports: [{ name: http, containerPort: 3100 }]
          livenessProbe: { httpGet: { path: /health/live, port: http } }
          readinessProbe: { httpGet: { path: /health/ready, port: http } }
          resources: { requests: { cpu: 100m, memory: 64Mi }, limits: { memory: 128Mi } }
          securityContext: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  maxUnavailable: 1
  selector:
    matchLabels: { app: web }
`

func check(t *testing.T, stream string) []string {
	t.Helper()
	problems, _, _ := checkStream(strings.NewReader(stream))
	return problems
}

func TestAcceptsAConformingDeployment(t *testing.T) {
	if problems := check(t, goodDeployment); len(problems) != 0 {
		t.Fatalf("want no problems, got %v", problems)
	}
}

func TestRefusesUnknownAndMistypedFields(t *testing.T) {
	cases := map[string]string{
		"unknown field":     strings.Replace(goodDeployment, "  selector:\n    matchLabels: { app: web }\n  template", "  selectr: {}\n  selector:\n    matchLabels: { app: web }\n  template", 1),
		"wrong type":        strings.Replace(goodDeployment, "containerPort: 3100", "containerPort: [3100]", 1),
		"duplicated field":  strings.Replace(goodDeployment, "name: web\nspec:\n  selector", "name: web\n  name: web2\nspec:\n  selector", 1),
		"unknown CRD field": "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: { name: t, labels: { strimzi.io/cluster: c } }\nspec: { partitions: 1, replicas: 1, partitionz: 2 }\n",
	}
	for name, stream := range cases {
		if problems := check(t, stream); len(problems) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestChartRules(t *testing.T) {
	cases := map[string]string{
		"writable root":  strings.Replace(goodDeployment, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", 1),
		"no readiness":   strings.Replace(goodDeployment, "          readinessProbe: { httpGet: { path: /health/ready, port: http } }\n", "", 1),
		"no PDB":         strings.SplitN(goodDeployment, "---", 2)[0],
		"no memory cap":  strings.Replace(goodDeployment, ", limits: { memory: 128Mi }", "", 1),
		"float setting":  "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: s }\ndata: { KAFKA_MESSAGE_MAX_BYTES: \"1.048576e+06\" }\n",
		"unknown ACL op": "apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaUser\nmetadata: { name: u }\nspec:\n  authorization:\n    type: simple\n    acls: [{ resource: { type: topic, name: news. }, operations: [Reed] }]\n",
	}
	for name, stream := range cases {
		if problems := check(t, stream); len(problems) == 0 {
			t.Errorf("%s: accepted", name)
		}
	}
}
