package main

// Go types for the custom resources the chart renders, transcribed from the published CRD
// schemas (KEDA 2.x keda.sh/v1alpha1; Strimzi 0.4x kafka.strimzi.io/v1beta2). They cover every
// field the chart uses and their documented siblings; a sub-tree the chart does not use and that
// the operators validate themselves (pod templates, JVM options, logging, metrics) is kept as
// json.RawMessage, accepted unchecked. Anything else unknown fails the strict decode, so a
// misspelt or misplaced key is caught here instead of being dropped by the API server.

import (
	"encoding/json"

	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ---- KEDA ----

type ScaledObject struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              ScaledObjectSpec `json:"spec"`
	Status            json.RawMessage  `json:"status,omitempty"`
}

type ScaledObjectSpec struct {
	ScaleTargetRef        *ScaleTarget    `json:"scaleTargetRef"`
	PollingInterval       *int32          `json:"pollingInterval,omitempty"`
	InitialCooldownPeriod *int32          `json:"initialCooldownPeriod,omitempty"`
	CooldownPeriod        *int32          `json:"cooldownPeriod,omitempty"`
	IdleReplicaCount      *int32          `json:"idleReplicaCount,omitempty"`
	MinReplicaCount       *int32          `json:"minReplicaCount,omitempty"`
	MaxReplicaCount       *int32          `json:"maxReplicaCount,omitempty"`
	Advanced              *AdvancedConfig `json:"advanced,omitempty"`
	Triggers              []ScaleTrigger  `json:"triggers"`
	Fallback              *ScaledFallback `json:"fallback,omitempty"`
}

type ScaleTarget struct {
	APIVersion             string `json:"apiVersion,omitempty"`
	Kind                   string `json:"kind,omitempty"`
	Name                   string `json:"name"`
	EnvSourceContainerName string `json:"envSourceContainerName,omitempty"`
}

type AdvancedConfig struct {
	HorizontalPodAutoscalerConfig *struct {
		Name     string                                         `json:"name,omitempty"`
		Behavior *autoscalingv2.HorizontalPodAutoscalerBehavior `json:"behavior,omitempty"`
	} `json:"horizontalPodAutoscalerConfig,omitempty"`
	RestoreToOriginalReplicaCount bool `json:"restoreToOriginalReplicaCount,omitempty"`
	ScalingModifiers              *struct {
		Formula          string `json:"formula,omitempty"`
		Target           string `json:"target,omitempty"`
		ActivationTarget string `json:"activationTarget,omitempty"`
		MetricType       string `json:"metricType,omitempty"`
	} `json:"scalingModifiers,omitempty"`
}

type ScaleTrigger struct {
	Type              string            `json:"type"`
	Name              string            `json:"name,omitempty"`
	UseCachedMetrics  bool              `json:"useCachedMetrics,omitempty"`
	Metadata          map[string]string `json:"metadata"`
	AuthenticationRef *struct {
		Name string `json:"name"`
		Kind string `json:"kind,omitempty"`
	} `json:"authenticationRef,omitempty"`
	MetricType string `json:"metricType,omitempty"`
}

type ScaledFallback struct {
	FailureThreshold int32  `json:"failureThreshold"`
	Replicas         int32  `json:"replicas"`
	Behavior         string `json:"behavior,omitempty"`
}

type TriggerAuthentication struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              TriggerAuthenticationSpec `json:"spec"`
	Status            json.RawMessage           `json:"status,omitempty"`
}

type TriggerAuthenticationSpec struct {
	PodIdentity *struct {
		Provider   string `json:"provider"`
		IdentityID string `json:"identityId,omitempty"`
	} `json:"podIdentity,omitempty"`
	SecretTargetRef []struct {
		Parameter string `json:"parameter"`
		Name      string `json:"name"`
		Key       string `json:"key"`
	} `json:"secretTargetRef,omitempty"`
	ConfigMapTargetRef []struct {
		Parameter string `json:"parameter"`
		Name      string `json:"name"`
		Key       string `json:"key"`
	} `json:"configMapTargetRef,omitempty"`
	Env []struct {
		Parameter     string `json:"parameter"`
		Name          string `json:"name"`
		ContainerName string `json:"containerName,omitempty"`
	} `json:"env,omitempty"`
	HashiCorpVault           json.RawMessage `json:"hashiCorpVault,omitempty"`
	AzureKeyVault            json.RawMessage `json:"azureKeyVault,omitempty"`
	AwsSecretManager         json.RawMessage `json:"awsSecretManager,omitempty"`
	GcpSecretManager         json.RawMessage `json:"gcpSecretManager,omitempty"`
	BoundServiceAccountToken json.RawMessage `json:"boundServiceAccountToken,omitempty"`
}

// kafkaScalerMetadata: the Kafka scaler's trigger metadata keys (KEDA 2.x docs).
var kafkaScalerMetadata = map[string]bool{
	"bootstrapServers": true, "bootstrapServersFromEnv": true, "consumerGroup": true, "consumerGroupFromEnv": true,
	"topic": true, "topicFromEnv": true, "partitionLimitation": true, "lagThreshold": true,
	"activationLagThreshold": true, "offsetResetPolicy": true, "allowIdleConsumers": true,
	"excludePersistentLag": true, "scaleToZeroOnInvalidOffset": true, "limitToPartitionsWithLag": true,
	"ensureEvenDistributionOfPartitions": true, "version": true, "sasl": true, "username": true, "tls": true,
	"unsafeSsl": true,
}

// ---- Strimzi ----

type Kafka struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              KafkaSpec       `json:"spec"`
	Status            json.RawMessage `json:"status,omitempty"`
}

type KafkaSpec struct {
	Kafka struct {
		Version         string                       `json:"version,omitempty"`
		MetadataVersion string                       `json:"metadataVersion,omitempty"`
		Replicas        *int32                       `json:"replicas,omitempty"`
		Image           string                       `json:"image,omitempty"`
		Listeners       []KafkaListener              `json:"listeners"`
		Config          map[string]any               `json:"config,omitempty"`
		Storage         *KafkaStorage                `json:"storage,omitempty"`
		Authorization   *KafkaAuthorization          `json:"authorization,omitempty"`
		Rack            json.RawMessage              `json:"rack,omitempty"`
		Resources       *corev1.ResourceRequirements `json:"resources,omitempty"`
		JvmOptions      json.RawMessage              `json:"jvmOptions,omitempty"`
		Logging         json.RawMessage              `json:"logging,omitempty"`
		MetricsConfig   json.RawMessage              `json:"metricsConfig,omitempty"`
		Template        json.RawMessage              `json:"template,omitempty"`
		LivenessProbe   json.RawMessage              `json:"livenessProbe,omitempty"`
		ReadinessProbe  json.RawMessage              `json:"readinessProbe,omitempty"`
		QuotasConfig    json.RawMessage              `json:"quotas,omitempty"`
	} `json:"kafka"`
	EntityOperator *struct {
		TopicOperator json.RawMessage `json:"topicOperator,omitempty"`
		UserOperator  json.RawMessage `json:"userOperator,omitempty"`
		Template      json.RawMessage `json:"template,omitempty"`
	} `json:"entityOperator,omitempty"`
	ClusterCa              json.RawMessage `json:"clusterCa,omitempty"`
	ClientsCa              json.RawMessage `json:"clientsCa,omitempty"`
	CruiseControl          json.RawMessage `json:"cruiseControl,omitempty"`
	KafkaExporter          json.RawMessage `json:"kafkaExporter,omitempty"`
	MaintenanceTimeWindows []string        `json:"maintenanceTimeWindows,omitempty"`
}

type KafkaListener struct {
	Name               string          `json:"name"`
	Port               int32           `json:"port"`
	Type               string          `json:"type"`
	TLS                bool            `json:"tls"`
	Authentication     *KafkaAuth      `json:"authentication,omitempty"`
	Configuration      json.RawMessage `json:"configuration,omitempty"`
	NetworkPolicyPeers json.RawMessage `json:"networkPolicyPeers,omitempty"`
}

type KafkaAuth struct {
	Type string `json:"type"`
}

type KafkaAuthorization struct {
	Type       string   `json:"type"`
	SuperUsers []string `json:"superUsers,omitempty"`
}

type KafkaStorage struct {
	Type    string          `json:"type"`
	Volumes []StorageVolume `json:"volumes,omitempty"`
	Size    string          `json:"size,omitempty"`
	Class   string          `json:"class,omitempty"`
	// persistent-claim at the top level (non-JBOD)
	DeleteClaim *bool `json:"deleteClaim,omitempty"`
}

type StorageVolume struct {
	ID            *int32            `json:"id,omitempty"`
	Type          string            `json:"type"`
	Size          string            `json:"size,omitempty"`
	Class         string            `json:"class,omitempty"`
	DeleteClaim   *bool             `json:"deleteClaim,omitempty"`
	KraftMetadata string            `json:"kraftMetadata,omitempty"`
	Selector      map[string]string `json:"selector,omitempty"`
	SizeLimit     string            `json:"sizeLimit,omitempty"`
	Overrides     json.RawMessage   `json:"overrides,omitempty"`
}

type KafkaNodePool struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Replicas   int32                        `json:"replicas"`
		Roles      []string                     `json:"roles"`
		Storage    KafkaStorage                 `json:"storage"`
		Resources  *corev1.ResourceRequirements `json:"resources,omitempty"`
		JvmOptions json.RawMessage              `json:"jvmOptions,omitempty"`
		Template   json.RawMessage              `json:"template,omitempty"`
	} `json:"spec"`
	Status json.RawMessage `json:"status,omitempty"`
}

type KafkaTopic struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		TopicName  string         `json:"topicName,omitempty"`
		Partitions int32          `json:"partitions"`
		Replicas   int32          `json:"replicas"`
		Config     map[string]any `json:"config,omitempty"`
	} `json:"spec"`
	Status json.RawMessage `json:"status,omitempty"`
}

type KafkaUser struct {
	metav1.TypeMeta   `json:",inline"`
	metav1.ObjectMeta `json:"metadata"`
	Spec              struct {
		Authentication *struct {
			Type     string          `json:"type"`
			Password json.RawMessage `json:"password,omitempty"`
		} `json:"authentication,omitempty"`
		Authorization *struct {
			Type string     `json:"type"`
			ACLs []KafkaACL `json:"acls"`
		} `json:"authorization,omitempty"`
		Quotas   json.RawMessage `json:"quotas,omitempty"`
		Template json.RawMessage `json:"template,omitempty"`
	} `json:"spec"`
	Status json.RawMessage `json:"status,omitempty"`
}

type KafkaACL struct {
	Type     string `json:"type,omitempty"`
	Resource struct {
		Type        string `json:"type"`
		Name        string `json:"name,omitempty"`
		PatternType string `json:"patternType,omitempty"`
	} `json:"resource"`
	Operations []string `json:"operations,omitempty"`
	Operation  string   `json:"operation,omitempty"`
	Host       string   `json:"host,omitempty"`
}

// Enumerations of the Strimzi schemas, checked in rules.go.
var (
	strimziListenerTypes = set("internal", "route", "loadbalancer", "nodeport", "ingress", "cluster-ip")
	strimziAuthTypes     = set("tls", "scram-sha-512", "oauth", "custom")
	strimziACLOps        = set("Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All")
	strimziACLResources  = set("topic", "group", "cluster", "transactionalId")
	strimziNodeRoles     = set("controller", "broker")
	strimziStorageTypes  = set("ephemeral", "persistent-claim", "jbod")
)

func set(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, it := range items {
		m[it] = true
	}
	return m
}
