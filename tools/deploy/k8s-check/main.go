// k8s-check decodes every object of a rendered manifest stream (helm template output) strictly
// against its Go type and checks the chart's own rules. Built-in kinds use the k8s.io/api types;
// the custom resources (KEDA, Strimzi) use the structs in crds.go. A field the type does not know,
// a duplicated field or a wrong value type fails, as the API server's strict field validation
// would. Usage: helm template ... | k8s-check [-label name] ; exit 1 on any problem.
package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/util/validation"
	kjson "sigs.k8s.io/json"
	"sigs.k8s.io/yaml"
)

var exponentNumber = regexp.MustCompile(`\b\d+(\.\d+)?[eE][+-]?\d+\b`)

type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
}

// newObject returns an empty value of the Go type for apiVersion/kind, or nil when unknown.
func newObject(apiVersion, kind string) any {
	switch apiVersion + "/" + kind {
	case "apps/v1/Deployment":
		return &appsv1.Deployment{}
	case "v1/Service":
		return &corev1.Service{}
	case "v1/ConfigMap":
		return &corev1.ConfigMap{}
	case "v1/Secret":
		return &corev1.Secret{}
	case "policy/v1/PodDisruptionBudget":
		return &policyv1.PodDisruptionBudget{}
	case "autoscaling/v2/HorizontalPodAutoscaler":
		return &autoscalingv2.HorizontalPodAutoscaler{}
	case "keda.sh/v1alpha1/ScaledObject":
		return &ScaledObject{}
	case "keda.sh/v1alpha1/TriggerAuthentication":
		return &TriggerAuthentication{}
	case "kafka.strimzi.io/v1beta2/Kafka":
		return &Kafka{}
	case "kafka.strimzi.io/v1beta2/KafkaNodePool":
		return &KafkaNodePool{}
	case "kafka.strimzi.io/v1beta2/KafkaTopic":
		return &KafkaTopic{}
	case "kafka.strimzi.io/v1beta2/KafkaUser":
		return &KafkaUser{}
	}
	return nil
}

// splitDocuments splits a YAML stream on "---" lines, dropping empty documents.
func splitDocuments(r io.Reader) ([][]byte, error) {
	var docs [][]byte
	var cur bytes.Buffer
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 1<<20), 16<<20)
	flush := func() {
		if strings.TrimSpace(stripComments(cur.String())) != "" {
			docs = append(docs, append([]byte(nil), cur.Bytes()...))
		}
		cur.Reset()
	}
	for scanner.Scan() {
		line := scanner.Text()
		if strings.HasPrefix(line, "---") && strings.TrimSpace(strings.TrimPrefix(line, "---")) == "" || strings.HasPrefix(line, "--- #") {
			flush()
			continue
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	flush()
	return docs, scanner.Err()
}

func stripComments(s string) string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "#") {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// decodeStrict turns one YAML document into obj, failing on unknown or duplicated fields.
func decodeStrict(doc []byte, obj any) error {
	js, err := yaml.YAMLToJSONStrict(doc)
	if err != nil {
		return err
	}
	strictErrs, err := kjson.UnmarshalStrict(js, obj)
	if err != nil {
		return err
	}
	if len(strictErrs) > 0 {
		msgs := make([]string, len(strictErrs))
		for i, e := range strictErrs {
			msgs[i] = e.Error()
		}
		return errors.New(strings.Join(msgs, "; "))
	}
	return nil
}

// checkStream decodes and checks every document of a stream; it returns the problems found,
// how many documents there were and how many objects of each kind decoded.
func checkStream(r io.Reader) (problems []string, documents int, counts map[string]int) {
	docs, err := splitDocuments(r)
	if err != nil {
		return []string{fmt.Sprintf("reading: %v", err)}, 0, nil
	}
	var objects []any
	counts = map[string]int{}
	for i, doc := range docs {
		var tm typeMeta
		if err := yaml.Unmarshal(doc, &tm); err != nil {
			problems = append(problems, fmt.Sprintf("document %d: not YAML: %v", i+1, err))
			continue
		}
		where := fmt.Sprintf("%s %s/%s", tm.APIVersion, tm.Kind, tm.Metadata.Name)
		if tm.APIVersion == "" || tm.Kind == "" || tm.Metadata.Name == "" {
			problems = append(problems, fmt.Sprintf("document %d: apiVersion, kind and metadata.name are required", i+1))
			continue
		}
		for _, msg := range validation.IsDNS1123Subdomain(tm.Metadata.Name) {
			problems = append(problems, fmt.Sprintf("%s: metadata.name: %s", where, msg))
		}
		// Helm renders a large number from values.yaml as a float (1.048576e+06), which no
		// service parses as an integer; templates must pipe such values through int64.
		if m := exponentNumber.Find(doc); m != nil {
			problems = append(problems, fmt.Sprintf("%s: number in exponent notation %q (pipe it through int64 in the template)", where, m))
		}
		obj := newObject(tm.APIVersion, tm.Kind)
		if obj == nil {
			problems = append(problems, fmt.Sprintf("%s: no Go type known for this apiVersion and kind", where))
			continue
		}
		if err := decodeStrict(doc, obj); err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", where, err))
			continue
		}
		objects = append(objects, obj)
		counts[tm.Kind]++
	}
	return append(problems, checkRules(objects)...), len(docs), counts
}

func main() {
	label := flag.String("label", "manifest", "name of the rendered stream, for messages")
	flag.Parse()

	problems, documents, counts := checkStream(os.Stdin)
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(os.Stderr, "k8s-check %s: %s\n", *label, p)
		}
		fmt.Printf("k8s-check %s: %d objects, %d problems\n", *label, documents, len(problems))
		os.Exit(1)
	}
	fmt.Printf("k8s-check %s: %d objects decoded strictly (%s), 0 problems\n", *label, documents, summary(counts))
}

func summary(counts map[string]int) string {
	var parts []string
	for _, kind := range []string{"Deployment", "Service", "ConfigMap", "Secret", "PodDisruptionBudget", "ScaledObject", "TriggerAuthentication", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"} {
		if n := counts[kind]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, kind))
		}
	}
	return strings.Join(parts, ", ")
}
